package org.argusee.status.boundary;

/** The answer to "check now": how many services the object covers, and how many of them are being probed. */
public record CheckNowView(String fullName, int services, int started) {}
