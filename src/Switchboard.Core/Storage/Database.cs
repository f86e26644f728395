using System.Data.Common;

namespace Switchboard.Storage;

/// <summary>
/// The one way Switchboard code reaches its tables. Both engines run the same schema and the same SQL
/// (<c>@name</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>); the few engine differences live here.
/// </summary>
public abstract class Database : IAsyncDisposable
{
    /// <summary>The engine behind this database.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>Where the data is, for the start-up log (a file path, or a server and database; never a password).</summary>
    public abstract string Location { get; }

    /// <summary>
    /// Appended to a sub-select that picks rows to claim: <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so
    /// concurrent claimers skip each other's rows; empty on SQLite, where writers are serialised anyway.
    /// </summary>
    internal abstract string SkipLockedClause { get; }

    /// <summary>Opens a pooled connection, ready for commands.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Starts a write transaction; code that must commit several things together (a call's record and its messages) shares it.</summary>
    public async Task<DatabaseTransaction> BeginAsync(CancellationToken ct)
    {
        var writer = await AcquireWriterAsync(ct);
        try
        {
            var connection = writer?.Connection ?? await OpenAsync(ct);
            try
            {
                var transaction = await connection.BeginTransactionAsync(ct);
                return new DatabaseTransaction(connection, transaction, writer);
            }
            catch
            {
                if (writer is null)
                {
                    await connection.DisposeAsync();
                }

                throw;
            }
        }
        catch
        {
            writer?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits for this process's turn to write where the engine allows one writer at a time (queueing in
    /// memory is much cheaper than contending for a file lock), and hands out the one connection kept
    /// open for writing. Null where writers run concurrently on pooled connections.
    /// </summary>
    internal virtual ValueTask<WriterTurn?> AcquireWriterAsync(CancellationToken ct) => ValueTask.FromResult<WriterTurn?>(null);

    /// <summary>
    /// Holds a lock named <paramref name="key"/> until <paramref name="transaction"/> ends, so transactions
    /// that check-then-write the same thing run one after the other. On SQLite every write transaction
    /// already does.
    /// </summary>
    internal abstract Task LockAsync(DatabaseTransaction transaction, string key, CancellationToken ct);

    /// <summary>Takes the schema lock that keeps two nodes from migrating at once, inside <paramref name="transaction"/>.</summary>
    internal abstract Task LockSchemaAsync(DatabaseTransaction transaction, CancellationToken ct);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Opens the database described by <paramref name="options"/> (nothing is created or migrated yet).</summary>
    public static Database Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDatabase(options.DataDirectory),
            StorageProvider.Postgres => new PostgresDatabase(
                string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? throw new StorageConfigurationException("Storage:ConnectionString is required when Storage:Provider is postgres.")
                    : options.ConnectionString),
            _ => throw new StorageConfigurationException($"Storage:Provider '{options.Provider}' is not supported (use sqlite or postgres)."),
        };
    }
}
