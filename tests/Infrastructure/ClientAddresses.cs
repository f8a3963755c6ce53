using System.Net;
using System.Net.Sockets;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// Clients that connect to the API from another loopback address (127.0.0.2, 127.0.0.3, ...), so the API sees them as
/// other clients, as it would see other machines: its per-client limits and hashes key on the connection's address.
/// </summary>
public static class ClientAddresses
{
    /// <summary>A client of the API at <paramref name="api"/>'s address whose connections come from <paramref name="source"/>.</summary>
    public static HttpClient From(HttpClient api, string source)
    {
        var port = api.BaseAddress!.Port;
        var local = IPAddress.Parse(source);
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = api.BaseAddress };
    }
}
