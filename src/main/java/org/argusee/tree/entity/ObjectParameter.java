package org.argusee.tree.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One "key: value" (or "key!: value", local) line of an object (a row of argus.param). A key may be set once in
 * each form, so the form is part of the identity.
 */
@Entity
@Table(name = "param")
public class ObjectParameter {

    @EmbeddedId
    private Key id;

    @MapsId("objectId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "object_id")
    private MonitoredObject object;

    @Column(nullable = false)
    private String value;

    @Column(nullable = false)
    private int position;

    protected ObjectParameter() {}

    ObjectParameter(MonitoredObject object, String key, String value, boolean local, int position) {
        this.object = object;
        this.id = new Key(object.id(), key, local);
        this.value = value;
        this.position = position;
    }

    public String key() {
        return id.key;
    }

    public boolean local() {
        return id.local;
    }

    public String value() {
        return value;
    }

    public int position() {
        return position;
    }

    void change(String newValue) {
        this.value = newValue;
    }

    void place(String newValue, int newPosition) {
        this.value = newValue;
        this.position = newPosition;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "object_id")
        private Long objectId;

        @Column(name = "key")
        private String key;

        @Column(name = "local")
        private boolean local;

        protected Key() {}

        Key(Long objectId, String key, boolean local) {
            this.objectId = objectId;
            this.key = key;
            this.local = local;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other
                    && Objects.equals(objectId, other.objectId)
                    && Objects.equals(key, other.key)
                    && local == other.local;
        }

        @Override
        public int hashCode() {
            return Objects.hash(objectId, key, local);
        }
    }
}
