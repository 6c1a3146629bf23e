using System.Buffers;
using System.Text.Json;

namespace SpmGraph.Benchmark.Raw;

/// <summary>
/// A JSON array written aside, for a connection whose count comes from its rows (a window
/// COUNT) but stands before its nodes in the answer.
/// </summary>
internal sealed class JsonArrayBuffer : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public JsonArrayBuffer()
    {
        Writer = new Utf8JsonWriter(_buffer);
        Writer.WriteStartArray();
    }

    /// <summary>Writes the array's items.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Closes the array and writes it as the value of the property <paramref name="json"/> is at.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Writer.WriteEndArray();
        Writer.Flush();
        json.WriteRawValue(_buffer.WrittenSpan, skipInputValidation: true);
    }

    public void Dispose() => Writer.Dispose();
}
