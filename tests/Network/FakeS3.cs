using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alumni.Api.Tests.Network;

/// <summary>
/// A tiny S3-compatible endpoint on 127.0.0.1 for the S3 store's tests: path-style PUT, GET and DELETE of objects in
/// one bucket, kept in memory. It answers only requests signed with AWS Signature V4 for its access key whose
/// declared payload hash is the body's own (an upload signed whole, as the store sends it), and records each request.
/// </summary>
public sealed class FakeS3 : IAsyncDisposable
{
    public const string Bucket = "toolkit-files";
    public const string AccessKey = "test-access-key";
    public const string SecretKey = "test-secret-key";

    private readonly WebApplication app;

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Method, string Path, string? PayloadHash, string? ContentEncoding)> Requests { get; } = new();

    public string ServiceUrl { get; }

    private FakeS3(WebApplication app, string serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    public static async Task<FakeS3> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeS3? fake = null;
        app.Run(context => fake!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeS3(app, address);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var payloadHash = request.Headers["x-amz-content-sha256"].ToString();
        Requests.Enqueue((request.Method, request.Path.Value ?? "", payloadHash, request.Headers.ContentEncoding.ToString()));
        if (!request.Headers.Authorization.ToString().StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "AccessDenied");
            return;
        }

        var prefix = $"/{Bucket}/";
        if (request.Path.Value is not { } path || !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchBucket");
            return;
        }

        var key = path[prefix.Length..];
        switch (request.Method)
        {
            case "PUT":
                using (var body = new MemoryStream())
                {
                    await request.Body.CopyToAsync(body);
                    var bytes = body.ToArray();
                    if (payloadHash != Convert.ToHexStringLower(SHA256.HashData(bytes)))
                    {
                        await ErrorAsync(context, StatusCodes.Status400BadRequest, "XAmzContentSHA256Mismatch");
                        return;
                    }

                    Objects[key] = bytes;
                    context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";
                }

                return;
            case "GET" when Objects.TryGetValue(key, out var content):
                context.Response.ContentType = "application/octet-stream";
                context.Response.ContentLength = content.Length;
                context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(MD5.HashData(content))}\"";
                await context.Response.Body.WriteAsync(content);
                return;
            case "GET":
                await ErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchKey");
                return;
            case "DELETE":
                Objects.TryRemove(key, out _);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            default:
                await ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed");
                return;
        }
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message></Error>");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
