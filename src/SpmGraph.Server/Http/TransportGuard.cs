namespace SpmGraph.Server.Http;

/// <summary>
/// The last line of an endpoint that answers in the server's error shape (GraphQL, the export): Kestrel's request
/// errors and anything unexpected become coded errors, never a 500 page; a client that went away gets nothing.
/// </summary>
internal sealed class TransportGuard(IHostEnvironment environment, ILogger logger)
{
    public async Task RunAsync(HttpContext context, Func<HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            await handler(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own request errors (malformed chunking, body too slow or too large).
            var code = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? HttpErrorCodes.PayloadTooLarge : HttpErrorCodes.BadRequest;
            await ErrorAnswers.WriteAsync(context, ex.StatusCode, code, ex.Message);
        }
#pragma warning disable CA1031 // The transport is the last line: anything unexpected becomes a GraphQL error, not a 500 page.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Unhandled error serving {Method} {Path}", context.Request.Method, context.Request.Path);
            var message = environment.IsDevelopment() ? ex.ToString() : "An unexpected error occurred.";
            await ErrorAnswers.WriteAsync(context, StatusCodes.Status500InternalServerError, HttpErrorCodes.InternalServerError, message);
        }
    }
}
