package org.argusee.tree.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.argusee.tree.control.ObjectKind;

/** The database stores kinds the way Argus users write them: Top, Group, Host, Service, Alias. */
@Converter
public class ObjectKindConverter implements AttributeConverter<ObjectKind, String> {

    @Override
    public String convertToDatabaseColumn(ObjectKind kind) {
        return kind == null ? null : kind.label();
    }

    @Override
    public ObjectKind convertToEntityAttribute(String label) {
        return label == null ? null : ObjectKind.fromLabel(label);
    }
}
