using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;

namespace SpmGraph.Server.PersistedDocuments;

/// <summary>
/// Registered documents: `&lt;sha256 hex&gt;.graphql` files in one folder. A file is read on first use and kept;
/// files dropped in later are found without a restart. A file whose content does not hash to its name is
/// refused (and logged), so an id always means exactly one text.
/// </summary>
internal sealed class PersistedDocumentStore
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly ILogger<PersistedDocumentStore> _logger;

    public PersistedDocumentStore(IOptions<PersistedDocumentOptions> options, IHostEnvironment environment, ILogger<PersistedDocumentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        Folder = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        _logger = logger;
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>The document registered under <paramref name="hash"/> (64 hex digits), or <see langword="null"/>.</summary>
    public async Task<string?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (!PersistedDocumentIds.IsHash(hash))
        {
            return null;
        }

        hash = hash.ToLowerInvariant();
        if (_documents.TryGetValue(hash, out var known))
        {
            return known;
        }

        var path = Path.Combine(Folder, hash + PersistedDocumentIds.FileExtension);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (PersistedDocumentIds.Hash(bytes) != hash)
        {
            _logger.LogWarning("Persisted document {Path} is ignored: its content does not hash to its name (edited, or saved with other line endings or a BOM?)", path);
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            _logger.LogWarning("Persisted document {Path} is ignored: it is not UTF-8", path);
            return null;
        }

        return _documents.GetOrAdd(hash, text);
    }
}
