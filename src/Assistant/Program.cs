Console.WriteLine("Inspection Assistant");
