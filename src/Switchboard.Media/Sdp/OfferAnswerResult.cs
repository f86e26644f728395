namespace Switchboard.Media.Sdp;

/// <summary>The outcome of answering an offer or taking an answer: the agreed audio (and our answer), or why nothing could be agreed.</summary>
public sealed class OfferAnswerResult
{
    private OfferAnswerResult(NegotiatedAudio? audio, SessionDescription? answer, string? error)
    {
        Audio = audio;
        Answer = answer;
        Error = error;
    }

    /// <summary>The agreed audio stream, or null when rejected.</summary>
    public NegotiatedAudio? Audio { get; }

    /// <summary>The answer to send back (null when rejected, and when the result comes from taking the peer's answer).</summary>
    public SessionDescription? Answer { get; }

    /// <summary>Why no audio could be agreed (for a 488 and its Warning), or null.</summary>
    public string? Error { get; }

    /// <summary>True when audio was agreed.</summary>
    public bool IsAccepted => Audio is not null;

    internal static OfferAnswerResult Accepted(NegotiatedAudio audio, SessionDescription? answer) => new(audio, answer, null);

    internal static OfferAnswerResult Rejected(string error) => new(null, null, error);
}
