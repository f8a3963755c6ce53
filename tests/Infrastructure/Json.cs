using System.Net.Http.Json;
using System.Text.Json;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>Reading responses as the API's contract types.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Expected a success, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}{ServerErrors.Describe()}");
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Options, TestContext.Current.CancellationToken);
        return value ?? throw new InvalidOperationException("The response had no body.");
    }

    /// <summary>Asserts the response is a problem of this status and returns it.</summary>
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}{((int)response.StatusCode >= 500 ? ServerErrors.Describe() : "")}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(body, Options)!;
        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Type));
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.False(string.IsNullOrWhiteSpace(problem.TraceId));
        return problem;
    }
}
