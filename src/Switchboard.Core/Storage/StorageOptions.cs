namespace Switchboard.Storage;

/// <summary>The <c>Storage:*</c> settings: which database to use and where it is.</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Where the SQLite file lives (created when missing); relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The Npgsql connection string; required for PostgreSQL, unused for SQLite.</summary>
    public string? ConnectionString { get; set; }
}
