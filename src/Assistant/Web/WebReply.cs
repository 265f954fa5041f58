using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Assistant.Web;

/// <summary>A refusal as the page receives it: a short code for the script and a sentence in the reader's language.</summary>
/// <param name="Error">What went wrong, for the page's script (e.g. <c>expired</c>, <c>stale</c>).</param>
/// <param name="Message">What to tell the person, with what to do next.</param>
public sealed record WebError(string Error, string Message)
{
    /// <summary>The item as it is now (a refused or stale action), so nothing the person sees is out of date.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ItemView? Item { get; init; }
}

/// <summary>JSON answers of the Mini App's API: never cached, the same serializer settings everywhere.</summary>
public static class WebReply
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Chinese as it is (a third of the size of \uXXXX escapes); characters that matter to HTML stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IResult Ok<T>(T value, string? etag = null)
        where T : notnull => new JsonReply(StatusCodes.Status200OK, value, etag);

    public static IResult Error(int status, string error, string message, ItemView? item = null, string? etag = null) =>
        new JsonReply(status, new WebError(error, message) { Item = item }, etag);

    private sealed class JsonReply(int status, object value, string? etag) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.Headers.CacheControl = "no-store";
            if (etag is not null)
            {
                response.Headers.ETag = etag;
            }

            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, value, value.GetType(), Json, httpContext.RequestAborted);
        }
    }
}
