using System.Data.Common;
using System.Text.Json;
using Switchboard.Calls;
using Switchboard.Numbers;
using Switchboard.Storage;

namespace Switchboard.Flows;

/// <summary>
/// Writes each call to the <c>calls</c> table when it starts and completes the row, with the event log, when it ends.
/// The messages a call caused are linked by the flow as it enqueues them (<see cref="CallMessages"/>), not here.
/// The caller's number is read from the usual sources (<see cref="CallerNumber.DefaultOrder"/>) in <paramref name="defaultRegion"/>.
/// </summary>
public sealed class CallRecorder(Database database, NumberPlan plan, string defaultRegion, int maxExtensionDigits)
{
    /// <summary>Inserts the call's row: who, to what, which app, since when.</summary>
    public async Task StartAsync(ICall call, AppSettings app, CancellationToken ct)
    {
        var caller = CallerNumber.Read(call.Caller, CallerNumber.DefaultOrder, plan, defaultRegion, maxExtensionDigits);
        await using var transaction = await database.BeginAsync(ct);
        await using var command = transaction.CreateCommand(
            "INSERT INTO calls (id, app, app_type, started_at, caller_raw, caller_number, caller_type, called) " +
            "VALUES (@id, @app, @type, @started, @raw, @number, @numberType, @called)");
        command.AddParameter("id", call.Id)
            .AddParameter("app", app.Id)
            .AddParameter("type", app.Type)
            .AddParameter("started", call.Journal.StartedAt.ToUnixTimeMilliseconds())
            .AddParameter("raw", RawJson(call.Caller))
            .AddParameter("number", caller.Number?.E164)
            .AddParameter("numberType", caller.Number?.Type.ToString())
            .AddParameter("called", call.Called);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Completes the row (end, outcome, who hung up) and stores the event log, in one transaction.</summary>
    public async Task FinishAsync(ICall call, CancellationToken ct)
    {
        var journal = call.Journal;
        await using var transaction = await database.BeginAsync(ct);
        await using (var update = transaction.CreateCommand(
            "UPDATE calls SET ended_at = @ended, outcome = @outcome, hangup = @hangup WHERE id = @id"))
        {
            update.AddParameter("id", call.Id)
                .AddParameter("ended", call.Time.GetUtcNow().ToUnixTimeMilliseconds())
                .AddParameter("outcome", journal.Outcome)
                .AddParameter("hangup", call.EndedBy?.ToString().ToLowerInvariant());
            await update.ExecuteNonQueryAsync(ct);
        }

        foreach (var e in journal.Events)
        {
            await using var insert = transaction.CreateCommand(
                "INSERT INTO call_events (call_id, seq, at_ms, kind, detail) VALUES (@id, @seq, @at, @kind, @detail)");
            insert.AddParameter("id", call.Id)
                .AddParameter("seq", e.Sequence)
                .AddParameter("at", (long)e.At.TotalMilliseconds)
                .AddParameter("kind", e.Kind.ToString())
                .AddParameter("detail", e.Detail);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>One call's record with its events, or null.</summary>
    public async Task<CallRecord?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT app, app_type, started_at, ended_at, caller_raw, caller_number, caller_type, called, outcome, hangup " +
            "FROM calls WHERE id = @id";
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var record = new CallRecord(id, reader.GetString(0), reader.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.GetNullableInt64(3) is { } ended ? DateTimeOffset.FromUnixTimeMilliseconds(ended) : null,
            reader.GetString(4), reader.GetNullableString(5), reader.GetNullableString(6), reader.GetString(7),
            reader.GetNullableString(8), reader.GetNullableString(9) is { } side ? Enum.Parse<HangUpSide>(side, ignoreCase: true) : null,
            [], []);
        await reader.CloseAsync();
        return record with { MessageIds = await MessageIdsAsync(connection, id, ct), Events = await EventsAsync(connection, id, ct) };
    }

    /// <summary>The call's linked messages, oldest first (outbox ids are time-ordered UUIDv7).</summary>
    private static Task<IReadOnlyList<string>> MessageIdsAsync(DbConnection connection, string id, CancellationToken ct) =>
        ReadAllAsync(connection, "SELECT message_id FROM call_messages WHERE call_id = @id ORDER BY message_id", id,
            reader => reader.GetString(0), ct);

    private static Task<IReadOnlyList<CallEvent>> EventsAsync(DbConnection connection, string id, CancellationToken ct) =>
        ReadAllAsync(connection, "SELECT seq, at_ms, kind, detail FROM call_events WHERE call_id = @id ORDER BY seq", id,
            reader => new CallEvent(reader.GetInt32(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)),
                Enum.Parse<CallEventKind>(reader.GetString(2)), reader.GetString(3)), ct);

    /// <summary>Every row of <paramref name="sql"/> for call <paramref name="id"/>, in the query's order.</summary>
    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        DbConnection connection, string sql, string id, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static string RawJson(CallerInfo caller) => JsonSerializer.Serialize(new
    {
        values = caller.Values.Select(v => new { source = v.Source.ToString(), raw = v.Raw }),
        privacy = caller.Privacy,
    });
}
