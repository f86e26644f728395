namespace Switchboard.Storage;

/// <summary>A storage setting the user must fix; the message names the setting.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
