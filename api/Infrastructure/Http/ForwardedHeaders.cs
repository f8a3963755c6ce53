using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Behind a load balancer or reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from
/// the proxies configured as trusted (<c>Api:ForwardedHeaders:KnownProxies:0=10.0.0.5</c>, by address, and
/// <c>Api:ForwardedHeaders:KnownNetworks:0=10.0.0.0/8</c>, by network), walking back through the chain while the hop
/// is trusted. Nothing is trusted by default, not even loopback (without a configured proxy the headers are not read at all), so a direct caller cannot pick its own address. The
/// address found is the client's for everything that reads it: rate limits, sessions and the audit log; the scheme
/// decides HTTPS (and so HSTS).
/// </summary>
public static class ForwardedHeaders
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api:ForwardedHeaders";

    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // The obsolete list is still read by the middleware and holds 127.0.0.0/8 by default: empty it too.
#pragma warning disable ASPDEPR005
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8."));
            }
        });
        return builder;
    }

    /// <summary>
    /// Reads the forwarded headers, where a trusted proxy is configured. Without one the middleware is left out: given
    /// empty lists it would trust every peer.
    /// </summary>
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        if (section.GetSection("KnownProxies").GetChildren().Any() || section.GetSection("KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
