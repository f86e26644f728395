using System.Data.Common;

namespace Switchboard.Storage;

/// <summary>
/// An open connection with a write transaction: what several writers share so that their rows commit
/// together or not at all. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class DatabaseTransaction : IAsyncDisposable
{
    private readonly WriterTurn? _writer;
    private List<Action>? _afterCommit;

    internal DatabaseTransaction(DbConnection connection, DbTransaction transaction, WriterTurn? writer)
    {
        Connection = connection;
        Transaction = transaction;
        _writer = writer;
    }

    /// <summary>The connection the transaction runs on.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction itself, for commands created on <see cref="Connection"/>.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>Creates a command enlisted in this transaction.</summary>
    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs <paramref name="action"/> once the transaction has committed (never if it rolls back).</summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Commits, then runs the after-commit actions.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await Transaction.CommitAsync(ct);
        foreach (var action in _afterCommit ?? [])
        {
            action();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        if (_writer is null)
        {
            await Connection.DisposeAsync();
        }
        else
        {
            // The writer connection stays open for the next turn.
            _writer.Dispose();
        }
    }
}
