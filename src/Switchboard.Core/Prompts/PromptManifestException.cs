namespace Switchboard.Prompts;

/// <summary>A prompt manifest that cannot be read; the message names the file and what is wrong.</summary>
public sealed class PromptManifestException : Exception
{
    /// <summary>Creates the exception with a message naming the file and the fault.</summary>
    public PromptManifestException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
