Console.WriteLine($"Worker ran at {DateTimeOffset.UtcNow:O} and is done.");
