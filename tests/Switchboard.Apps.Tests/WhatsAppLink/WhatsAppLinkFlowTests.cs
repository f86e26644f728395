using Switchboard.Apps.WhatsAppLink;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Apps.Tests.WhatsAppLink;

/// <summary>Every numbered rule and lettered step of the whatsapp-link app, driven through the simulator.</summary>
public sealed class WhatsAppLinkFlowTests : IAsyncLifetime
{
    private const string Landline = "+31201234567";
    private const string Mobile = "+31612345678";

    private WhatsAppLinkHarness _app = null!;

    public async Task InitializeAsync() => _app = await WhatsAppLinkHarness.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string[] ReadBack(string digits) =>
        ["you_entered", .. digits.Select(d => $"digits/{d}"), "confirm_question"];

    private static void AssertSent(SimulationReport report, string to)
    {
        Assert.Equal(Outcomes.SmsSent, report.Outcome);
        var message = Assert.Single(report.Messages);
        Assert.Equal("sms", message.Channel);
        Assert.Equal(to, message.To);
    }

    private static void AssertNothingSent(SimulationReport report) => Assert.Empty(report.Messages);

    private static void AssertGaveUpPolitely(SimulationReport report)
    {
        Assert.Equal(Outcomes.NoValidNumber, report.Outcome);
        Assert.Equal(["attempts_exhausted", "goodbye"], report.Prompts.TakeLast(2));
        Assert.Equal(HangUpSide.App, report.HangUp);
        AssertNothingSent(report);
    }

    private static int Attempts(SimulationReport report) => report.Prompts.Count(p => p == "enter_mobile");

    // Rule 1: the caller's number

    [Theory]
    [InlineData("+31612345678")]
    [InlineData("0612345678")]
    [InlineData("0031612345678")]
    [InlineData("\"Ann\" <sip:0612345678@pbx.example>;tag=1")]
    public async Task A_mobile_caller_number_is_normalised_with_the_default_region(string from) =>
        AssertSent(await _app.CallAsync(from), Mobile);

    [Fact]
    public async Task The_asserted_identity_comes_before_the_from_header()
    {
        var caller = new CallerInfo(
        [
            new CallerIdValue(CallerIdSource.SipFrom, "<sip:201@pbx>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31687654321@carrier>"),
        ]);
        AssertSent(await _app.CallAsync(caller), "+31687654321");
    }

    [Fact]
    public async Task The_configured_source_order_is_followed()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("CallerSources", "SipFrom"));
        var caller = new CallerInfo(
        [
            new CallerIdValue(CallerIdSource.SipFrom, "<sip:+31612345678@pbx>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31687654321@carrier>"),
        ]);
        AssertSent(await app.CallAsync(caller), Mobile);
    }

    public static TheoryData<string, CallerInfo> UnusableCallers => new()
    {
        { "landline", CallerInfo.From(CallerIdSource.SipFrom, Landline) },
        { "VoIP", CallerInfo.From(CallerIdSource.SipFrom, "+31851234567") },
        { "pager", CallerInfo.From(CallerIdSource.SipFrom, "+31661234567") },
        { "withheld", CallerInfo.From(CallerIdSource.SipFrom, "\"Anonymous\" <sip:anonymous@anonymous.invalid>") },
        { "privacy header", new CallerInfo([new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31612345678@carrier>")], "id") },
        { "remote-party-id privacy", CallerInfo.From(CallerIdSource.RemotePartyId, "<sip:+31612345678@pbx>;privacy=full") },
        { "extension", CallerInfo.From(CallerIdSource.SipFrom, "<sip:201@pbx>") },
        { "country not allowed", CallerInfo.From(CallerIdSource.SipFrom, "+491511234567") },
        { "unknown", CallerInfo.From(CallerIdSource.SipFrom, "<sip:reception@pbx>") },
        { "invalid", CallerInfo.From(CallerIdSource.SipFrom, "+316123") },
        { "no caller id", new CallerInfo([]) },
    };

    [Theory]
    [MemberData(nameof(UnusableCallers))]
    public async Task A_caller_we_cannot_text_is_told_so_once_and_asked_for_a_mobile_number(string kind, CallerInfo caller)
    {
        var report = await _app.CallAsync(caller, "0612345678# 1");
        Assert.True(report.Outcome == Outcomes.SmsSent, string.Join("\n", report.Events));
        Assert.True(report.Prompts.Count(p => p == "cannot_text_caller") == 1, kind);
        Assert.Equal(["cannot_text_caller", "enter_mobile", .. ReadBack("0612345678"), "sent", "goodbye"], report.Prompts);
        AssertSent(report, Mobile);
    }

    // Rule 2: a caller we can text

    [Fact]
    public async Task A_mobile_caller_hears_the_link_is_on_its_way_and_gets_it()
    {
        var report = await _app.CallAsync(Mobile);
        Assert.Equal(["link_on_its_way", "sent", "goodbye"], report.Prompts);
        Assert.Equal(HangUpSide.App, report.HangUp);
        AssertSent(report, Mobile);
        Assert.Equal("Chat with us on WhatsApp: https://wa.me/31201234567?text=Hello%21", report.Messages[0].Body);
        var stored = Assert.Single(await _app.Outbox.ListAsync(10, default));
        Assert.Equal(report.Messages[0].Id, stored.Id);
        Assert.Equal(Mobile, stored.Message.To);
        Assert.Equal(Mobile, stored.Message.Caller);
        Assert.StartsWith("call:sim-", stored.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_refusal_is_explained_in_words_and_the_call_ends_politely()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(g => g.HourlyBudget = 1);
        AssertSent(await app.CallAsync("+31687654321"), "+31687654321");
        var report = await app.CallAsync(Mobile);
        Assert.Equal(Outcomes.RefusedByGuard, report.Outcome);
        Assert.Equal(["sorry_limit_reached", "goodbye"], report.Prompts);
        Assert.Equal(HangUpSide.App, report.HangUp);
        AssertNothingSent(report);
    }

    [Fact]
    public async Task A_failing_outbox_gets_an_apology()
    {
        await using (var connection = await _app.Database.OpenAsync(default))
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE messages";
            await drop.ExecuteNonQueryAsync();
        }

        var report = await _app.CallAsync(Mobile);
        Assert.Equal(Outcomes.SendFailed, report.Outcome);
        Assert.Equal(["sorry_send_failed", "goodbye"], report.Prompts);
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.Decision && e.Detail.Contains("could not check", StringComparison.Ordinal));
    }

    // Rule 3a: the entry prompt and type-ahead

    [Fact]
    public async Task The_example_from_the_issue_sends_one_sms_to_the_typed_mobile()
    {
        var report = await _app.CallAsync(Landline, "0612345678# 1");
        AssertSent(report, Mobile);
        Assert.Contains(report.Events, e => e.Detail.Contains("finish key right after the entry ended by itself", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_typed_ahead_count_on_the_first_attempt()
    {
        var report = await _app.CallAsync(Landline, "!0612345678 1");
        Assert.Equal(["cannot_text_caller", .. ReadBack("0612345678"), "sent", "goodbye"], report.Prompts);
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task Keys_typed_ahead_are_flushed_on_later_attempts()
    {
        var report = await _app.CallAsync(Landline, "_ !06 0687654321 1");
        Assert.Contains(report.Events, e => e.Detail == "type-ahead '06' flushed");
        AssertSent(report, "+31687654321");
        Assert.Equal(2, Attempts(report));
    }

    [Fact]
    public async Task The_entry_prompt_is_barge_in()
    {
        var report = await _app.CallAsync(Landline, "!h");
        Assert.Equal(["cannot_text_caller"], report.Prompts);
        report = await _app.CallAsync(Landline, "0612345678 2 !0687654321 1");
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.BargeIn && e.Detail == "0 stopped the prompt");
        AssertSent(report, "+31687654321");
    }

    // Rule 3b: collecting the number

    [Fact]
    public async Task Star_clears_and_restarts_the_attempt_without_counting_it()
    {
        var report = await _app.CallAsync(Landline, "0698* 0612345678 1");
        AssertSent(report, Mobile);
        Assert.Equal(2, Attempts(report));
        Assert.DoesNotContain(report.Events, e => e.Detail.StartsWith("attempt 2", StringComparison.Ordinal));
        Assert.Contains(report.Events, e => e.Detail == "cleared after '0698': starting again");
    }

    [Fact]
    public async Task Star_does_not_use_up_attempts()
    {
        var report = await _app.CallAsync(Landline, "1* 2* 3* 4* 0612345678 1");
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task The_entry_ends_by_itself_when_the_number_is_complete()
    {
        var report = await _app.CallAsync(Landline, "0612345678 1");
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.Digits && e.Detail == "Complete: '0612345678'");
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task The_inter_digit_timeout_ends_the_entry()
    {
        var report = await _app.CallAsync(Landline, "061234 0612345678 1");
        var entry = report.Events.First(e => e.Kind == CallEventKind.Digits);
        Assert.Equal("InterDigitTimeout: '061234'", entry.Detail);
        var lastKey = report.Events.Last(e => e.Kind == CallEventKind.Key && e.At < entry.At);
        Assert.Equal(TimeSpan.FromSeconds(5), entry.At - lastKey.At);
        Assert.Contains("not_mobile", report.Prompts);
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task The_total_timeout_counts_from_the_end_of_the_prompt_and_is_not_reset_by_keys()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("TotalTimeoutSeconds", "1"));
        var report = await app.CallAsync(Landline, "06123456");
        var entry = report.Events.First(e => e.Kind == CallEventKind.Digits);
        Assert.Equal("TotalTimeout: '06123'", entry.Detail);
        var promptStart = report.Events.First(e => e.Kind == CallEventKind.Prompt && e.Detail == "enter_mobile").At;
        var promptEnd = report.Events.First(e => e.Kind == CallEventKind.Key).At - CallSimulator.KeyInterval;
        Assert.True(promptEnd > promptStart);
        Assert.Equal(TimeSpan.FromSeconds(1), entry.At - promptEnd);
    }

    [Fact]
    public async Task Keys_a_to_d_are_ignored()
    {
        var report = await _app.CallAsync(Landline, "06A12B345C678D 1");
        AssertSent(report, Mobile);
        Assert.Contains(report.Events, e => e.Detail == "A (ignored)");
    }

    [Fact]
    public async Task Hash_on_nothing_typed_is_no_input()
    {
        var report = await _app.CallAsync(Landline, "# 0612345678 1");
        Assert.Equal(["cannot_text_caller", "enter_mobile", "no_input", "enter_mobile"], report.Prompts.Take(4));
        AssertSent(report, Mobile);
    }

    // Rule 3c: no input, not a number we can text

    [Fact]
    public async Task Silence_is_no_input_and_the_next_attempt_follows()
    {
        var report = await _app.CallAsync(Landline, "_ 0612345678 1");
        Assert.Equal(["cannot_text_caller", "enter_mobile", "no_input", "enter_mobile"], report.Prompts.Take(4));
        var noInput = report.Events.First(e => e.Kind == CallEventKind.Digits);
        Assert.Equal("NoInput: ''", noInput.Detail);
        AssertSent(report, Mobile);
    }

    [Theory]
    [InlineData("0201234567#", "landline")]
    [InlineData("00491511234567#", "country not allowed")]
    [InlineData("0909123456#", "premium rate")]
    [InlineData("12345#", "invalid")]
    public async Task A_number_we_cannot_text_is_refused_and_the_next_attempt_follows(string keys, string kind)
    {
        var report = await _app.CallAsync(Landline, $"{keys} 0612345678 1");
        Assert.True(report.Prompts.Contains("not_mobile"), kind);
        Assert.Equal(2, Attempts(report));
        AssertSent(report, Mobile);
    }

    // Rule 3d: read-back and question

    [Fact]
    public async Task The_number_is_read_back_digit_by_digit_as_typed()
    {
        var report = await _app.CallAsync(Landline, "0031612345678# 1");
        Assert.Equal(["cannot_text_caller", "enter_mobile", .. ReadBack("0031612345678"), "sent", "goodbye"], report.Prompts);
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task Two_starts_the_next_attempt()
    {
        var report = await _app.CallAsync(Landline, "0612345678 2 0687654321 1");
        Assert.Equal(2, Attempts(report));
        AssertSent(report, "+31687654321");
    }

    [Fact]
    public async Task Silence_at_the_question_confirms()
    {
        var report = await _app.CallAsync(Landline, "0612345678 _");
        AssertSent(report, Mobile);
        Assert.Contains(report.Events, e => e.Detail == "no answer to the question: taken as right");
        var question = report.Events.Last(e => e.Detail == "confirm_question").At;
        var answer = report.Events.Single(e => e.Kind == CallEventKind.Digits && e.Detail == "NoInput: ''").At;
        Assert.True(answer - question > TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Silence_at_the_question_asks_again_when_so_configured()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("SilenceConfirms", "false"));
        var report = await app.CallAsync(Landline, "0612345678 _ 1");
        Assert.Equal(2, report.Prompts.Count(p => p == "confirm_question"));
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task Another_key_at_the_question_asks_again()
    {
        var report = await _app.CallAsync(Landline, "0612345678 5 # 1");
        Assert.Equal(3, report.Prompts.Count(p => p == "confirm_question"));
        AssertSent(report, Mobile);
    }

    [Fact]
    public async Task Other_keys_three_times_count_as_two()
    {
        var report = await _app.CallAsync(Landline, "0612345678 5 * 9 0687654321 1");
        Assert.Equal(3, report.Prompts.Count(p => p == "confirm_question") - 1);
        Assert.Equal(2, Attempts(report));
        AssertSent(report, "+31687654321");
    }

    [Fact]
    public async Task The_read_back_and_question_are_one_barge_in_sequence()
    {
        var report = await _app.CallAsync(Landline, "0612345678 !1");
        Assert.Equal(["cannot_text_caller", "enter_mobile", "you_entered", "sent", "goodbye"], report.Prompts);
        AssertSent(report, Mobile);
    }

    // After the last attempt

    [Fact]
    public async Task Three_failed_attempts_end_with_an_explanation_and_goodbye()
    {
        var report = await _app.CallAsync(Landline, "_ # 12345#");
        Assert.Equal(3, Attempts(report));
        AssertGaveUpPolitely(report);
    }

    [Fact]
    public async Task Two_on_the_last_attempt_ends_with_the_explanation()
    {
        var report = await _app.CallAsync(Landline, "0612345678 2 0612345678 2 0612345678 2");
        Assert.Equal(3, Attempts(report));
        AssertGaveUpPolitely(report);
    }

    [Fact]
    public async Task The_number_of_attempts_is_configurable()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("MaxAttempts", "1"));
        var report = await app.CallAsync(Landline, "_");
        Assert.Equal(1, Attempts(report));
        AssertGaveUpPolitely(report);
    }

    [Fact]
    public async Task A_call_where_every_timeout_expires_still_ends_politely()
    {
        var report = await _app.CallAsync(Landline);
        Assert.True(report.Events[^1].At > TimeSpan.FromSeconds(30), $"virtual call length {report.Events[^1].At}");
        AssertGaveUpPolitely(report);
    }

    // Rule 4: hang-up

    [Fact]
    public async Task Hanging_up_during_entry_stops_the_flow_and_sends_nothing()
    {
        var report = await _app.CallAsync(Landline, "0612h");
        Assert.Equal(FlowHost.CallerHungUp, report.Outcome);
        Assert.Equal(HangUpSide.Caller, report.HangUp);
        Assert.Equal(["cannot_text_caller", "enter_mobile"], report.Prompts);
        AssertNothingSent(report);
        Assert.Empty(await _app.Outbox.ListAsync(10, default));
    }

    [Fact]
    public async Task Hanging_up_during_the_read_back_sends_nothing()
    {
        var report = await _app.CallAsync(Landline, "0612345678 !h");
        Assert.Equal(FlowHost.CallerHungUp, report.Outcome);
        AssertNothingSent(report);
    }

    [Fact]
    public async Task A_confirmed_number_is_sent_even_if_the_caller_hangs_up_right_after()
    {
        var report = await _app.CallAsync(Landline, "0612345678 1h");
        Assert.Equal(HangUpSide.Caller, report.HangUp);
        AssertSent(report, Mobile);
        Assert.Single(await _app.Outbox.ListAsync(10, default));
        Assert.Equal([report.Messages[0].Id], (await _app.Recorder.FindAsync(_app.LastCallId!, default))!.MessageIds);
    }

    [Fact]
    public async Task Hanging_up_while_the_link_is_announced_stops_the_flow()
    {
        var report = await _app.CallAsync(CallerInfo.From(CallerIdSource.SipFrom, Mobile), "!h");
        Assert.Equal(FlowHost.CallerHungUp, report.Outcome);
        AssertNothingSent(report);
    }

    // Rule 5: one message per call; recently sent

    [Fact]
    public async Task A_second_call_soon_after_hears_we_sent_a_link_a_few_minutes_ago()
    {
        AssertSent(await _app.CallAsync(Mobile), Mobile);
        var report = await _app.CallAsync(Mobile);
        Assert.Equal(Outcomes.RecentlySent, report.Outcome);
        Assert.Equal(["sent_recently", "goodbye"], report.Prompts);
        AssertNothingSent(report);
    }

    [Fact]
    public async Task A_typed_number_that_got_a_link_recently_is_told_so()
    {
        AssertSent(await _app.CallAsync(Mobile), Mobile);
        var report = await _app.CallAsync(Landline, "0612345678 1");
        Assert.Equal(Outcomes.RecentlySent, report.Outcome);
        Assert.Equal(["sent_recently", "goodbye"], report.Prompts.TakeLast(2));
        Assert.Single(await _app.Outbox.ListAsync(10, default));
    }

    [Fact]
    public async Task A_call_puts_at_most_one_message_in_the_outbox()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(g => g.PerDestinationLimit = 5);
        AssertSent(await app.CallAsync(Landline, "0612345678 2 0687654321 1"), "+31687654321");
        Assert.Single(await app.Outbox.ListAsync(10, default));
    }

    [Fact]
    public async Task The_call_is_recorded_with_the_caller_the_outcome_and_the_message_id()
    {
        var report = await _app.CallAsync(Landline, "0612345678 1");
        var record = await _app.Recorder.FindAsync(_app.LastCallId!, default);
        Assert.NotNull(record);
        Assert.Equal((Landline, "FixedLine"), (record.CallerNumber, record.CallerType));
        Assert.Equal(Outcomes.SmsSent, record.Outcome);
        Assert.Equal([report.Messages[0].Id], record.MessageIds);
        Assert.Contains(record.Events, e => e.Kind == CallEventKind.Decision && e.Detail == "attempt 1: +31612345678 confirmed");
    }

    // Rule 6: the message template

    [Fact]
    public async Task The_template_fills_in_link_caller_called_and_date()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null,
            ("MessageTemplate", "{caller} called {called} on {date}: {whatsapp_link}"), ("PrefilledText", "Hi, I called you"),
            ("WhatsAppNumber", "+31 20 765 4321"));
        var report = await app.CallAsync(Mobile);
        var today = DateTimeOffset.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{Mobile} called +31201234567 on {today}: https://wa.me/31207654321?text=Hi%2C%20I%20called%20you", report.Messages[0].Body);
    }

    [Fact]
    public async Task Without_a_configured_whatsapp_number_the_dialled_number_is_used()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("WhatsAppNumber", ""));
        var report = await app.CallAsync(CallerInfo.From(CallerIdSource.SipFrom, Mobile), "", called: "020 555 1234");
        Assert.StartsWith("Chat with us on WhatsApp: https://wa.me/31205551234?text=", report.Messages[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whatsapp_channel_is_used_when_configured()
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("Channel", "whatsapp"));
        var report = await app.CallAsync(Mobile);
        Assert.Equal(Outcomes.WhatsAppSent, report.Outcome);
        Assert.Equal("whatsapp", report.Messages[0].Channel);
    }

    // Both languages

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    public async Task The_call_plays_in_the_configured_language(string language)
    {
        await using var app = await WhatsAppLinkHarness.StartAsync(null, ("Language", language));
        var report = await app.CallAsync(Mobile);
        Assert.Equal(new PromptScope(WhatsAppLinkFlow.Type, language), report.Scope);
        Assert.All(report.Prompts, p => Assert.NotNull(WhatsAppLinkHarness.Prompts.TextOf(report.Scope, Prompt.Of(p))));
    }

    [Fact]
    public void The_manifest_has_every_prompt_in_dutch_and_english()
    {
        Assert.Empty(WhatsAppLinkHarness.Prompts.Check(WhatsAppLinkFlow.Type, WhatsAppLinkFlow.PromptKeys, recordings: false));
        Assert.Equal(["en", "nl"], WhatsAppLinkHarness.Prompts.Manifests[WhatsAppLinkFlow.Type].Languages);
        Assert.Equal(WhatsAppLinkFlow.PromptKeys.Order(), WhatsAppLinkHarness.Prompts.Manifests[WhatsAppLinkFlow.Type].Texts.Keys.Order());
    }
}
