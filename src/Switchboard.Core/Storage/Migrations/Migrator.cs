using System.Globalization;
using System.Reflection;

namespace Switchboard.Storage.Migrations;

/// <summary>
/// Brings the schema up to date at start: applies, in order and each in its own transaction, every
/// embedded migration newer than the versions recorded in <c>schema_migrations</c>.
/// </summary>
public static class Migrator
{
    private const string ResourcePrefix = "Switchboard.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(LoadEmbedded);

    /// <summary>The highest schema version this build knows.</summary>
    public static int LatestVersion => Embedded.Value[^1].Version;

    /// <summary>Applies the pending migrations and returns how many ran.</summary>
    public static async Task<int> MigrateAsync(this Database database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        var applied = 0;
        foreach (var migration in Embedded.Value)
        {
            await using var transaction = await database.BeginAsync(ct);
            await database.LockSchemaAsync(transaction, ct);
            await EnsureHistoryTableAsync(transaction, ct);
            if (await IsAppliedAsync(transaction, migration.Version, ct))
            {
                continue;
            }

            await using (var command = transaction.CreateCommand(migration.Sql))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            await using (var record = transaction.CreateCommand(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)"))
            {
                record.AddParameter("version", migration.Version)
                      .AddParameter("name", migration.Name)
                      .AddParameter("at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            applied++;
        }

        return applied;
    }

    private static async Task EnsureHistoryTableAsync(DatabaseTransaction transaction, CancellationToken ct)
    {
        await using var command = transaction.CreateCommand(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> IsAppliedAsync(DatabaseTransaction transaction, int version, CancellationToken ct)
    {
        await using var command = transaction.CreateCommand("SELECT COUNT(*) FROM schema_migrations WHERE version = @version");
        command.AddParameter("version", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(fileName.AsSpan(0, separator), CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
