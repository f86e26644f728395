using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Switchboard.Storage;

/// <summary>The embedded database: <c>switchboard.db</c> in the data directory, in WAL mode.</summary>
internal sealed class SqliteDatabase : Database
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "switchboard.db";

    private readonly string _connectionString;

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
            // WAL lets readers run beside the writer; in WAL mode NORMAL keeps every committed
            // transaction across a process crash (kill -9) and only fsyncs at checkpoints.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the directory can be moved or deleted.
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync();
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the one write lock.
    internal override Task LockSchemaAsync(DatabaseTransaction transaction, CancellationToken ct) => Task.CompletedTask;
}
