using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Apps.WhatsAppLink;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Guard;
using Switchboard.Messaging;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Prompts;
using Switchboard.Simulation;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;
using Switchboard.Testing;

namespace Switchboard.Apps.Tests.WhatsAppLink;

/// <summary>Runs simulated calls of the whatsapp-link app against the real guard and outbox on a temporary SQLite database.</summary>
internal sealed class WhatsAppLinkHarness : IAsyncDisposable
{
    private readonly string _directory;
    private readonly FlowHost _host;
    private readonly OutboxSignal _signal = new();

    private WhatsAppLinkHarness(string directory, Database database, IConfiguration configuration, GuardOptions guardOptions)
    {
        _directory = directory;
        Database = database;
        Outbox = new SqlOutbox(database, new MessageSenders([]), _signal, TimeProvider.System);
        Guard = new MessageGuard(NumberPlan.Default, Options.Create(guardOptions), database, TimeProvider.System);
        var catalog = new FlowCatalog().Add(WhatsAppLinkFlow.Type,
            settings => new WhatsAppLinkFlow(WhatsAppLinkOptions.Read(settings), NumberPlan.Default, Guard, Outbox, database));
        Recorder = new CallRecorder(database, NumberPlan.Default, "NL", 4);
        _host = new FlowHost(configuration, catalog, NullLogger<FlowHost>.Instance, Recorder);
    }

    public static PromptLibrary Prompts { get; } = PromptLibrary.Load(RepoPaths.InRepo("prompts"));

    public Database Database { get; }

    public SqlOutbox Outbox { get; }

    public MessageGuard Guard { get; }

    public CallRecorder Recorder { get; }

    /// <summary>The id of the last call made.</summary>
    public string? LastCallId { get; private set; }

    /// <summary>Starts with the app's options (keys under <c>Apps:whatsapp-link</c>) and guard limits.</summary>
    public static async Task<WhatsAppLinkHarness> StartAsync(Action<GuardOptions>? guard = null, params (string Key, string Value)[] options)
    {
        var directory = Directory.CreateTempSubdirectory("switchboard-wa-").FullName;
        var database = Database.Create(new StorageOptions { Provider = StorageProvider.Sqlite, DataDirectory = directory });
        await database.MigrateAsync(CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            options.Select(o => KeyValuePair.Create($"Apps:whatsapp-link:{o.Key}", (string?)o.Value))
                .Append(KeyValuePair.Create("Apps:whatsapp-link:WhatsAppNumber", (string?)"+31201234567"))
                .DistinctBy(o => o.Key)).Build();
        var guardOptions = new GuardOptions { DefaultRegion = "NL" };
        guardOptions.AllowedCountries.Add("NL");
        guardOptions.AllowedCountries.Add("BE");
        guard?.Invoke(guardOptions);
        return new WhatsAppLinkHarness(directory, database, configuration, guardOptions);
    }

    /// <summary>A call whose SIP From is <paramref name="from"/>.</summary>
    public Task<SimulationReport> CallAsync(string from, string keys = "") =>
        CallAsync(CallerInfo.From(CallerIdSource.SipFrom, from), keys);

    /// <summary>A call with the given caller information.</summary>
    public async Task<SimulationReport> CallAsync(CallerInfo caller, string keys = "", string called = "+31201234567")
    {
        using var call = new SimulatedCall($"sim-{Guid.NewGuid():N}", caller, called,
            new VirtualTimeProvider(TimeProvider.System.GetUtcNow()), Prompts);
        LastCallId = call.Id;
        return await CallSimulator.RunAsync(call, KeyScript.Parse(keys), ct => _host.RunAsync(call, WhatsAppLinkFlow.Type, ct));
    }

    public async ValueTask DisposeAsync()
    {
        _signal.Dispose();
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
