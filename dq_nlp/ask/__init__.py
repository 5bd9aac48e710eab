"""The ownership bot: "who owns this task?" answered with owner, deadline, status and evidence — or abstained."""
