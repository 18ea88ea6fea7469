"""Member surveys, answered online or in a telephone interview, and call lists."""
