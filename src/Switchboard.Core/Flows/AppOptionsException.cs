namespace Switchboard.Flows;

/// <summary>An app instance's options are wrong; the message names the setting (<c>Apps:&lt;id&gt;:...</c>) and the fault.</summary>
public sealed class AppOptionsException : Exception
{
    /// <summary>Creates the exception with a message naming the setting and the fault.</summary>
    public AppOptionsException(string message) : base(message)
    {
    }
}
