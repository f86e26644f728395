using System.Data.Common;
using Npgsql;

namespace Switchboard.Storage;

/// <summary>A PostgreSQL server shared by one or more Switchboard nodes.</summary>
internal sealed class PostgresDatabase(string connectionString) : Database
{
    // An arbitrary constant naming Switchboard's migration lock among the server's advisory locks.
    private const long SchemaLockKey = 0x5357_4254_4348;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override string Location
    {
        get
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
        }
    }

    internal override string SkipLockedClause => " FOR UPDATE SKIP LOCKED";

    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    internal override async Task LockSchemaAsync(DatabaseTransaction transaction, CancellationToken ct)
    {
        await using var command = transaction.CreateCommand("SELECT pg_advisory_xact_lock(@key)");
        command.AddParameter("key", SchemaLockKey);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal override async Task LockAsync(DatabaseTransaction transaction, string key, CancellationToken ct)
    {
        await using var command = transaction.CreateCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))");
        command.AddParameter("key", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
