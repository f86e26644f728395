using System.Globalization;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;

namespace Switchboard.Core.Tests.Storage;

public sealed class MigratorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_apply_once_and_are_recorded(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await test.Database.MigrateAsync(CancellationToken.None);
        var second = await test.Database.MigrateAsync(CancellationToken.None);

        Assert.Equal(Migrator.LatestVersion, first);
        Assert.Equal(0, second);
        Assert.Equal(Migrator.LatestVersion, await ScalarAsync(test.Database, "SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, await ScalarAsync(test.Database, "SELECT COUNT(*) FROM messages"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_starts_migrate_exactly_once(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, migrate: false);

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => test.Database.MigrateAsync(CancellationToken.None)));

        Assert.Equal(Migrator.LatestVersion, applied.Sum());
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_in_the_data_directory()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var connection = await test.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        Assert.True(File.Exists(connection.DataSource));
        Assert.Equal("switchboard.db", Path.GetFileName(connection.DataSource));
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => Database.Create(new StorageOptions { Provider = StorageProvider.Postgres }));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> ScalarAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
