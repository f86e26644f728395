namespace Switchboard.Hosting;

/// <summary>A settings problem the user must fix; its message names the file or key and is printed as is.</summary>
internal sealed class ConfigurationFileException(string message) : Exception(message);
