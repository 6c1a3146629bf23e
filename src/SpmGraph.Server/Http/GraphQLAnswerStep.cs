using SpmGraph.Server.Caching;

namespace SpmGraph.Server.Http;

/// <summary>
/// Answers a resolved document: from the <see cref="GraphQLAnswerCache"/> when it holds this request's answer, else run by
/// <see cref="GraphQLExecutionStep"/> and written by <see cref="GraphQLResponseWriter"/>, a query's answer with its ETag
/// (<see cref="ConditionalAnswers"/>).
/// </summary>
internal sealed class GraphQLAnswerStep(GraphQLAnswerCache answers, GraphQLExecutionStep execution, GraphQLResponseWriter writer)
{
    /// <summary>From the answer cache, else executed (and cached when it is a query answered without errors).</summary>
    public async Task AnswerAsync(HttpContext context, string text, GraphQLHttpRequest request, string mediaType, bool overGet, IGraphQLRequestObservation? observation)
    {
        // A GET, or a persisted document over POST (a read the client names by id), may be answered 304.
        var conditional = overGet || request.Query is null;
        var key = await answers.KeyAsync(context, text, request, mediaType);
        if (key is not null && await answers.GetAsync(key, context.RequestAborted) is { } cached)
        {
            observation?.AnsweredFromCache(cached);
            await ConditionalAnswers.WriteAsync(context, cached, mediaType, conditional);
            return;
        }

        var result = await execution.ExecuteAsync(context, text, request, overGet);
        observation?.Answered(result);
        if (await writer.AnswerOfAsync(result, mediaType, context.RequestAborted) is not { } answer)
        {
            await writer.WriteAsync(context, result, mediaType);
            return;
        }

        if (key is not null)
        {
            await answers.SetAsync(key, answer, context.RequestAborted);
        }

        await ConditionalAnswers.WriteAsync(context, answer, mediaType, conditional);
    }
}
