// Push notifications are handled here
