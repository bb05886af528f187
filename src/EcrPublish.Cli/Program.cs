Console.Error.WriteLine("dotnet ecr: no commands yet.");
return 1;
