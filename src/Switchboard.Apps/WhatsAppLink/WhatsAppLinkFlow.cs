using System.Data.Common;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Guard;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Prompts;
using Switchboard.Storage;

namespace Switchboard.Apps.WhatsAppLink;

/// <summary>
/// The whatsapp-link app: a caller we can text gets a WhatsApp link by message at once; anyone else keys in a mobile
/// number, hears it read back and confirms it first. docs/apps/whatsapp-link.md describes every rule.
/// </summary>
public sealed class WhatsAppLinkFlow(WhatsAppLinkOptions options, NumberPlan plan, MessageGuard guard, IOutbox outbox, Database database) : ICallFlow
{
    /// <summary>The app type name.</summary>
    public const string Type = "whatsapp-link";

    /// <summary>Every prompt key the flow plays; the manifest must have each in every language.</summary>
    public static readonly IReadOnlyList<string> PromptKeys =
    [
        "link_on_its_way", "sent", "goodbye", "cannot_text_caller", "enter_mobile", "no_input", "not_mobile", "you_entered",
        "confirm_question", "attempts_exhausted", "sent_recently", "sorry_limit_reached", "sorry_send_failed",
    ];

    /// <inheritdoc/>
    public async Task RunAsync(ICall call, CancellationToken ct)
    {
        await call.AnswerAsync(ct);
        var caller = CallerNumber.Read(call.Caller, options.CallerSources, plan, options.DefaultRegion, options.MaxExtensionDigits);
        foreach (var note in caller.Notes)
        {
            call.Journal.Decision($"caller id: {note}");
        }

        if (caller.Number is { } own)
        {
            if (await CheckAsync(call, Request(own, caller), ct) is not { } decision)
            {
                await FailedAsync(call, ct);
                return;
            }

            if (decision.Allowed)
            {
                call.Journal.Decision($"{own.E164} can be texted: sending the link");
                await call.PlayAsync(Prompt.Of("link_on_its_way"), ct);
                await SendAsync(call, own, caller, ct);
                return;
            }

            call.Journal.Decision($"guard: {decision.Message}");
            if (!IsAboutTheNumber(decision))
            {
                await RefusedAsync(call, decision, ct);
                return;
            }
        }

        await call.PlayAsync(Prompt.Of("cannot_text_caller"), ct);
        await AskForMobileAsync(call, caller, ct);
    }

    private async Task AskForMobileAsync(ICall call, CallerNumber caller, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var entry = await call.CollectDigitsAsync(EntryRequest(first: attempt == 1), ct);
            if (entry.NoInput)
            {
                call.Journal.Decision($"attempt {attempt}: nothing typed");
                await call.PlayAsync(Prompt.Of("no_input"), ct);
                continue;
            }

            var typed = plan.Read(entry.Digits, options.DefaultRegion, maxExtensionDigits: 0).Number?.E164 ?? entry.Digits;
            if (await CheckAsync(call, new GuardRequest(typed, options.Channel, caller.Number?.E164), ct) is not { } decision)
            {
                await FailedAsync(call, ct);
                return;
            }

            if (!decision.Allowed)
            {
                call.Journal.Decision($"attempt {attempt}: '{entry.Digits}' refused: {decision.Message}");
                if (!IsAboutTheNumber(decision))
                {
                    await RefusedAsync(call, decision, ct);
                    return;
                }

                await call.PlayAsync(Prompt.Of("not_mobile"), ct);
                continue;
            }

            var number = decision.Number!;
            if (await ConfirmAsync(call, entry.Digits, ct))
            {
                call.Journal.Decision($"attempt {attempt}: {number.E164} confirmed");
                await SendAsync(call, number, caller, ct);
                return;
            }

            call.Journal.Decision($"attempt {attempt}: {number.E164} not confirmed");
        }

        call.Journal.Decision($"no usable number after {options.MaxAttempts} attempt(s)");
        call.Journal.SetOutcome(Outcomes.NoValidNumber);
        await call.PlayAsync(Prompt.Of("attempts_exhausted").Then(Prompt.Of("goodbye")), ct);
        await call.HangUpAsync(ct);
    }

    private DigitsRequest EntryRequest(bool first) => new()
    {
        Prompt = Prompt.Of("enter_mobile"),
        BargeIn = true,
        FlushTypeAhead = !first,
        MaxDigits = 20,
        FinishKeys = "#",
        ClearKey = '*',
        FirstDigitTimeout = options.FirstDigitTimeout,
        InterDigitTimeout = options.InterDigitTimeout,
        TotalTimeout = options.TotalTimeout,
        IsComplete = digits => plan.CheckKeypadEntry(digits, options.DefaultRegion).State == KeypadEntryState.Complete,
    };

    /// <summary>Step d: reads the number back and asks for 1 (right) or 2 (again); true when confirmed.</summary>
    private async Task<bool> ConfirmAsync(ICall call, string digits, CancellationToken ct)
    {
        var question = new DigitsRequest
        {
            Prompt = Prompt.Of("you_entered").Then(Prompt.DigitsOf(digits)).Then(Prompt.Of("confirm_question")),
            BargeIn = true,
            MaxDigits = 1,
            FinishKeys = "",
            AcceptedKeys = Keypad.AllKeys,
            FirstDigitTimeout = options.ConfirmTimeout,
        };
        for (var asked = 0; asked <= options.QuestionRepeats; asked++)
        {
            var answer = await call.CollectDigitsAsync(question, ct);
            switch (answer.Digits)
            {
                case "1":
                    return true;
                case "2":
                    return false;
                case "" when options.SilenceConfirms:
                    call.Journal.Decision("no answer to the question: taken as right");
                    return true;
                default:
                    call.Journal.Decision(answer.NoInput ? "no answer to the question: asking again" : $"'{answer.Digits}' is neither 1 nor 2: asking again");
                    break;
            }
        }

        call.Journal.Decision("still no 1 or 2: taken as 'enter it again'");
        return false;
    }

    /// <summary>
    /// Checks, enqueues and links the message to the call's record in one transaction, then tells the caller; the enqueue
    /// ignores a hang-up (rule 4).
    /// </summary>
    private async Task SendAsync(ICall call, PhoneNumber to, CallerNumber caller, CancellationToken ct)
    {
        var body = options.Template.Render(new MessageValues(
            MessageTemplate.WhatsAppLink(BusinessNumber(call), options.PrefilledText), to.E164, call.Called,
            DateOnly.FromDateTime(call.Time.GetLocalNow().DateTime)));
        var message = new OutgoingMessage { Channel = options.Channel, To = to.E164, Body = body, Caller = caller.Number?.E164 };
        GuardDecision decision;
        try
        {
            await using var transaction = await database.BeginAsync(CancellationToken.None);
            decision = await guard.CheckAsync(Request(to, caller), transaction, CancellationToken.None);
            if (decision.Allowed)
            {
                var queued = await outbox.EnqueueAsync(message, $"call:{call.Id}:whatsapp-link", transaction, CancellationToken.None);
                await CallMessages.LinkAsync(transaction, call.Id, queued.MessageId, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                call.Journal.AddMessage(new QueuedMessage(queued.MessageId, options.Channel.ToString().ToLowerInvariant(), to.E164, body));
                call.Journal.SetOutcome(options.Channel == MessageChannel.WhatsApp ? Outcomes.WhatsAppSent : Outcomes.SmsSent);
            }
        }
        catch (DbException e)
        {
            call.Journal.Decision($"the outbox could not store the message: {e.Message}");
            await FailedAsync(call, ct);
            return;
        }

        if (!decision.Allowed)
        {
            call.Journal.Decision($"guard: {decision.Message}");
            await RefusedAsync(call, decision, ct);
            return;
        }

        await call.PlayAsync(Prompt.Of("sent").Then(Prompt.Of("goodbye")), ct);
        await call.HangUpAsync(ct);
    }

    /// <summary>The guard's verdict, or null (journaled) when the database cannot answer.</summary>
    private async Task<GuardDecision?> CheckAsync(ICall call, GuardRequest request, CancellationToken ct)
    {
        try
        {
            return await guard.CheckAsync(request, ct);
        }
        catch (DbException e)
        {
            call.Journal.Decision($"the guard could not check {request.To}: {e.Message}");
            return null;
        }
    }

    private static async Task FailedAsync(ICall call, CancellationToken ct)
    {
        call.Journal.SetOutcome(Outcomes.SendFailed);
        await call.PlayAsync(Prompt.Of("sorry_send_failed").Then(Prompt.Of("goodbye")), ct);
        await call.HangUpAsync(ct);
    }

    private static async Task RefusedAsync(ICall call, GuardDecision decision, CancellationToken ct)
    {
        var recently = decision.Reason == GuardReason.RecentlySent;
        call.Journal.SetOutcome(recently ? Outcomes.RecentlySent : Outcomes.RefusedByGuard);
        await call.PlayAsync(Prompt.Of(recently ? "sent_recently" : "sorry_limit_reached").Then(Prompt.Of("goodbye")), ct);
        await call.HangUpAsync(ct);
    }

    /// <summary>The configured WhatsApp number, else the number the caller dialled, else none (the link then opens WhatsApp without a chat).</summary>
    private string? BusinessNumber(ICall call)
    {
        if (options.WhatsAppNumber is { } configured)
        {
            return configured;
        }

        if (plan.Read(call.Called, options.DefaultRegion, options.MaxExtensionDigits).Number is { IsValid: true } dialled)
        {
            return dialled.E164;
        }

        call.Journal.Decision("no WhatsApp number configured (WhatsAppNumber) and the dialled number is not one: the link opens WhatsApp without a chat");
        return null;
    }

    private GuardRequest Request(PhoneNumber to, CallerNumber caller) => new(to.E164, options.Channel, caller.Number?.E164);

    /// <summary>Refusals about the number itself (invalid, country, type) lead to asking for another; limits end the call.</summary>
    private static bool IsAboutTheNumber(GuardDecision decision) =>
        decision.Reason is GuardReason.Invalid or GuardReason.CountryNotAllowed or GuardReason.CostlyNumber or GuardReason.NotMobile;
}
