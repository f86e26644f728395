namespace Switchboard.Sip.Registration;

/// <summary>Where a registration stands.</summary>
public enum RegistrationState
{
    /// <summary>Not started, or removed.</summary>
    Unregistered,

    /// <summary>The registrar accepted the binding; a refresh is scheduled.</summary>
    Registered,

    /// <summary>The last attempt failed; another is scheduled with back-off.</summary>
    Failed,
}
