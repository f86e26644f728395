using System.Data.Common;

namespace Switchboard.Storage;

/// <summary>This process's exclusive turn at the single writer connection of a one-writer engine; disposing ends the turn.</summary>
internal sealed class WriterTurn(DbConnection connection, SemaphoreSlim gate) : IDisposable
{
    private int _ended;

    /// <summary>The connection kept open for writing.</summary>
    public DbConnection Connection { get; } = connection;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            gate.Release();
        }
    }
}
