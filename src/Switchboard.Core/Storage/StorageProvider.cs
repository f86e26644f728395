namespace Switchboard.Storage;

/// <summary>Which database engine holds Switchboard's tables.</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: one SQLite file (WAL) in the data directory.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several Switchboard nodes.</summary>
    Postgres,
}
