module example.com/strata/gotest

go 1.19

require (
	example.com/greet v1.2.3
	golang.org/x/mod v0.7.0
)

replace example.com/greet v1.2.3 => example.com/greet-fork v1.2.4
