namespace InterviewPrep.Web.Infrastructure;

/// <summary>
/// Headers on every response. Scripts only from our own files; KaTeX sets inline style attributes on
/// the math it draws, so style attributes (not style elements) are allowed. A recording is played back from a
/// blob: URL before it is sent.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-elem 'self'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        // The microphone for this site's own pages only: a mock round records spoken answers.
        headers["Permissions-Policy"] = "camera=(), microphone=(self), geolocation=()";
        return next(context);
    });
}
