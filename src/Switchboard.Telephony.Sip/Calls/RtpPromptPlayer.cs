using Microsoft.Extensions.Logging;
using Switchboard.Calls;
using Switchboard.Calls.Input;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Prompts;
using Switchboard.Telephony.Sip.Media;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>
/// Plays a call's prompts on its RTP session: each prompt's recording (from the prompt library, in the call's app and language)
/// is decoded once through the shared cache and played back to back. A recording that is missing or unusable is logged and
/// journaled and counts as played, so a gap in the library never leaves a caller waiting.
/// </summary>
internal sealed partial class RtpPromptPlayer(RtpSession media, CallMedia shared, Func<PromptScope> scope, CallJournal journal, ILogger logger) : IPromptPlayer
{
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];
    private int _generation;

    /// <summary>Completes when no sequence is being played any more.</summary>
    public Task Idle
    {
        get
        {
            lock (_lock)
            {
                return Task.WhenAll(_running);
            }
        }
    }

    public void Start(PromptSequence prompts, IPromptProgress progress)
    {
        int generation;
        lock (_lock)
        {
            generation = ++_generation;
        }

        var playing = PlayAsync(prompts, progress, generation);
        lock (_lock)
        {
            if (!playing.IsCompleted)
            {
                _running.Add(playing);
                _ = playing.ContinueWith(Forget, TaskScheduler.Default);
            }
        }
    }

    public void Interrupt()
    {
        lock (_lock)
        {
            _generation++;
            media.StopPlayback();
        }
    }

    private void Forget(Task done)
    {
        lock (_lock)
        {
            _running.Remove(done);
        }
    }

    private async Task PlayAsync(PromptSequence prompts, IPromptProgress progress, int generation)
    {
        await Task.Yield();
        for (var index = 0; index < prompts.Count; index++)
        {
            var prompt = prompts[index];
            var path = shared.Library.PathOf(scope(), prompt);
            AudioClip? clip = null;
            string? problem = null;
            try
            {
                clip = await shared.Cache.GetAsync(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                problem = e.Message;
            }

            Task<PlaybackEnd>? playing = null;
            lock (_lock)
            {
                if (generation != _generation)
                {
                    return;
                }

                if (clip is not null)
                {
                    playing = media.PlayAsync(clip.Play());
                }
            }

            progress.PromptStarted(index);
            if (playing is null)
            {
                LogUnplayable(logger, prompt.Name, path, problem!);
                journal.Add(CallEventKind.Prompt, $"{prompt.Name}: no playable recording at {path} ({problem}); taken as played");
                continue;
            }

            if (await playing != PlaybackEnd.Finished)
            {
                return;
            }
        }

        lock (_lock)
        {
            if (generation != _generation)
            {
                return;
            }
        }

        progress.Finished();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt {Prompt} cannot be played ({Path}): {Problem}; taken as played")]
    private static partial void LogUnplayable(ILogger logger, string prompt, string path, string problem);
}
