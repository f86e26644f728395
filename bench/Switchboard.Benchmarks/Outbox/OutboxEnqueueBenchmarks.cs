using BenchmarkDotNet.Attributes;
using Switchboard.Messaging;
using Switchboard.Outbox;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;

namespace Switchboard.Benchmarks.Outbox;

/// <summary>
/// Durable enqueue throughput on the embedded SQLite database (WAL): each message is its own committed
/// transaction, as a flow enqueues it. One operation is one message, so 1 / Mean is messages per second.
/// The baseline is the floor SQLite itself sets: the same row in its own transaction through one
/// prepared command, without the outbox's checks, idempotency handling or connection handling.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class OutboxEnqueueBenchmarks : IAsyncDisposable
{
    private const int Batch = 2_000;

    private readonly OutboxSignal _signal = new();
    private string _directory = null!;
    private Database _database = null!;
    private SqlOutbox _outbox = null!;
    private long _sequence;

    /// <summary>Callers enqueueing at the same time (calls ending together).</summary>
    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"switchboard-bench-{Guid.NewGuid():N}");
        _database = Database.Create(new StorageOptions { DataDirectory = _directory });
        await _database.MigrateAsync(CancellationToken.None);
        _outbox = new SqlOutbox(_database, new MessageSenders([]), _signal, TimeProvider.System);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public async Task RawSqliteInsert()
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)await _database.OpenAsync(CancellationToken.None);
        await using (connection)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText =
                "INSERT INTO messages (id, idempotency_key, channel, recipient, body, status, attempts, due_at, created_at) " +
                "VALUES (@id, @key, 'sms', '+31612345678', 'Your WhatsApp link: https://wa.me/31201234567', 'queued', 0, 0, 0)";
            var id = insert.Parameters.Add("@id", Microsoft.Data.Sqlite.SqliteType.Text);
            var key = insert.Parameters.Add("@key", Microsoft.Data.Sqlite.SqliteType.Text);
            insert.Prepare();
            for (var i = 0; i < Batch; i++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                insert.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)transaction;
                id.Value = Guid.CreateVersion7().ToString();
                key.Value = $"raw-{Interlocked.Increment(ref _sequence)}";
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task EnqueueDurably()
    {
        var perCaller = Batch / Concurrency;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                var n = Interlocked.Increment(ref _sequence);
                await _outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "Your WhatsApp link: https://wa.me/31201234567"), $"call-{n}/sms", CancellationToken.None);
            }
        }));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public async ValueTask DisposeAsync()
    {
        _signal.Dispose();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
