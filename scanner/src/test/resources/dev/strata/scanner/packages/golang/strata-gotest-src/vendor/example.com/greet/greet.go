// Package greet is a stand-in for a replaced dependency.
package greet

// Hello says hello.
func Hello() string { return "hello" }
