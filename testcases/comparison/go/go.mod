module sliceguard.example/comparison

go 1.19
