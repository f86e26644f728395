using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Core.Tests.Storage;
using Switchboard.Messaging;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Outbox;

/// <summary>An outbox, its claims and a dispatcher over one test database, on a manual clock.</summary>
public sealed class OutboxFixture : IAsyncDisposable
{
    private readonly TestDatabase _test;
    private readonly OutboxSignal _signal = new();

    private OutboxFixture(TestDatabase test, IMessageSender[] senders, OutboxOptions options)
    {
        _test = test;
        Senders = new MessageSenders(senders);
        Outbox = new SqlOutbox(test.Database, Senders, _signal, Time);
        Claims = new OutboxClaims(test.Database, Time);
        Options = options;
        Dispatcher = new OutboxDispatcher(Claims, Senders, _signal, Microsoft.Extensions.Options.Options.Create(options), Time, NullLogger<OutboxDispatcher>.Instance);
    }

    public ManualTime Time { get; } = new();

    public Database Database => _test.Database;

    public MessageSenders Senders { get; }

    public SqlOutbox Outbox { get; }

    public OutboxClaims Claims { get; }

    public OutboxOptions Options { get; }

    public OutboxDispatcher Dispatcher { get; }

    public static async Task<OutboxFixture> CreateAsync(StorageProvider provider, params IMessageSender[] senders) =>
        await CreateAsync(provider, new OutboxOptions(), senders);

    public static async Task<OutboxFixture> CreateAsync(StorageProvider provider, OutboxOptions options, params IMessageSender[] senders) =>
        new(await TestDatabase.CreateAsync(provider), senders, options);

    public async Task<StoredMessage> GetAsync(string id) => await Outbox.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no message {id}");

    public async ValueTask DisposeAsync()
    {
        Dispatcher.Dispose();
        _signal.Dispose();
        await _test.DisposeAsync();
    }
}
