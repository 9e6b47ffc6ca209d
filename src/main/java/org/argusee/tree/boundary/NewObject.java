package org.argusee.tree.boundary;

import java.util.List;

/**
 * A Group, Host, Service or Alias to create under a parent. A service's name defaults to the original's uname
 * for its type (SMTP_mail.example.com); an alias needs the full name of its target.
 */
public record NewObject(
        String kind, String name, String type, String target, Integer position, List<ParameterInput> parameters) {}
