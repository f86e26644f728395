using System.Data.Common;

namespace Switchboard.Storage;

/// <summary>Small conveniences for writing parameterised ADO.NET commands that run on both engines.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds <c>@name</c> with <paramref name="value"/> (null becomes SQL NULL).</summary>
    public static DbCommand AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A nullable text column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable 64-bit integer column.</summary>
    public static long? GetNullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
