using Npgsql;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;

namespace Switchboard.Core.Tests.Storage;

/// <summary>A fresh, migrated database for one test: a SQLite file in a temp folder, or a PostgreSQL schema of its own.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "SWITCHBOARD_TEST_POSTGRES";

    private readonly Func<Task> _cleanup;

    private TestDatabase(Database database, Func<Task> cleanup)
    {
        Database = database;
        _cleanup = cleanup;
    }

    public Database Database { get; }

    /// <summary>The engines to run storage tests on: SQLite always, PostgreSQL when test.sh started one (CI demands it).</summary>
    public static TheoryData<StorageProvider> Providers
    {
        get
        {
            var providers = new TheoryData<StorageProvider> { StorageProvider.Sqlite };
            if (PostgresConnectionString is not null || Environment.GetEnvironmentVariable("CI") == "true")
            {
                providers.Add(StorageProvider.Postgres);
            }

            return providers;
        }
    }

    private static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        TestDatabase test;
        if (provider == StorageProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), $"switchboard-test-{Guid.NewGuid():N}");
            var database = Database.Create(new StorageOptions { DataDirectory = directory });
            test = new TestDatabase(database, () =>
            {
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            });
        }
        else
        {
            var server = PostgresConnectionString
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test.sh, which starts PostgreSQL.");
            var schema = $"t_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
            var database = Database.Create(new StorageOptions
            {
                Provider = StorageProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString(),
            });
            test = new TestDatabase(database, () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE"));
        }

        if (migrate)
        {
            await test.Database.MigrateAsync(CancellationToken.None);
        }

        return test;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await _cleanup();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
