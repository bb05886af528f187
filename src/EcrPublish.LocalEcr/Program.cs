Console.Error.WriteLine("LocalEcr: not implemented yet.");
return 1;
