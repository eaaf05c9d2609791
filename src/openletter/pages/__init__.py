"""What every written page goes through before it is published."""
