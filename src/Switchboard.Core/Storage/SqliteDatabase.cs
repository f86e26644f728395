using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Switchboard.Storage;

/// <summary>The embedded database: <c>switchboard.db</c> in the data directory, in WAL mode.</summary>
internal sealed class SqliteDatabase : Database
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "switchboard.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _walEnabled;
    private DbConnection? _writerConnection;

    public SqliteDatabase(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string Location => $"SQLite {FilePath}";

    internal override string SkipLockedClause => "";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // WAL lets readers run beside the writer and is a property of the file (set once); in WAL
            // mode NORMAL keeps every committed transaction across a process crash (kill -9) and only
            // fsyncs at checkpoints. It is per connection.
            await using var command = connection.CreateCommand();
            command.CommandText = Interlocked.Exchange(ref _walEnabled, 1) == 0
                ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                : "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal override async ValueTask<WriterTurn?> AcquireWriterAsync(CancellationToken ct)
    {
        // As long as SQLite itself would wait for the file lock; a wait this long means a transaction
        // is waiting on another one held further up the same call chain.
        if (!await _writer.WaitAsync(TimeSpan.FromSeconds(30), ct))
        {
            throw new TimeoutException($"Waited 30 s for the write lock of {FilePath}.");
        }

        try
        {
            _writerConnection ??= await OpenAsync(ct);
            return new WriterTurn(_writerConnection, _writer);
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_writerConnection is not null)
        {
            await _writerConnection.DisposeAsync();
        }

        _writer.Dispose();
        // Pooled connections keep the file open; release them so the directory can be moved or deleted.
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync();
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the one write lock.
    internal override Task LockSchemaAsync(DatabaseTransaction transaction, CancellationToken ct) => Task.CompletedTask;

    internal override Task LockAsync(DatabaseTransaction transaction, string key, CancellationToken ct) => Task.CompletedTask;
}
