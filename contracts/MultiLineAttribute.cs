namespace Alumni.Contracts;

/// <summary>
/// Marks text that may hold line breaks (a bio, a note). Every other text field is a single line: the API refuses line
/// breaks, control characters and bidirectional overrides in it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;
