package org.argusee.tree.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.argusee.tree.control.ObjectKind;
import org.argusee.tree.control.Parameter;

/** One object of the monitoring tree (a row of argus.object), with its own parameters. */
@Entity
@Table(name = "object")
public class MonitoredObject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private MonitoredObject parent;

    @Convert(converter = ObjectKindConverter.class)
    @Column(nullable = false)
    private ObjectKind kind;

    @Column(nullable = false)
    private String name;

    private String type;

    @Column(name = "alias_target")
    private String aliasTarget;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = now();

    @OneToMany(mappedBy = "object", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ObjectParameter> parameters = new ArrayList<>();

    protected MonitoredObject() {}

    public MonitoredObject(
            MonitoredObject parent, ObjectKind kind, String name, String type, String aliasTarget, int position) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.aliasTarget = aliasTarget;
        this.position = position;
    }

    public Long id() {
        return id;
    }

    public ObjectKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String aliasTarget() {
        return aliasTarget;
    }

    /** Null for Top. */
    public Long parentId() {
        return parent == null ? null : parent.id();
    }

    /** The own parameters as stored now. */
    public List<Parameter> ownParameters() {
        return parameters.stream()
                .map(p -> new Parameter(p.key(), p.value(), p.local()))
                .toList();
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
    }

    public void changeType(String newType) {
        this.type = newType;
    }

    public void retarget(String newTarget) {
        this.aliasTarget = newTarget;
    }

    public void moveTo(MonitoredObject newParent, int newPosition) {
        this.parent = Objects.requireNonNull(newParent);
        this.position = newPosition;
    }

    /**
     * Replaces the own parameters, keeping the given order. A key kept in the same form keeps its row (changed in
     * place): removing it and adding a new one with the same identity in one flush is refused by the session.
     */
    public void replaceParameters(List<Parameter> newParameters) {
        Map<String, ObjectParameter> old = new HashMap<>();
        parameters.forEach(p -> old.put(p.key() + (p.local() ? "!" : ""), p));
        List<ObjectParameter> next = new ArrayList<>();
        int position = 0;
        for (Parameter p : newParameters) {
            ObjectParameter kept = old.remove(p.key() + (p.local() ? "!" : ""));
            if (kept != null) {
                kept.place(p.value(), position++);
                next.add(kept);
            } else {
                next.add(new ObjectParameter(this, p.key(), p.value(), p.local(), position++));
            }
        }
        parameters.retainAll(next);
        next.stream().filter(p -> !parameters.contains(p)).forEach(parameters::add);
    }

    /** Sets one parameter in one form (plain or local): an existing one keeps its place, a new one goes last. */
    public void putParameter(String key, String value, boolean local) {
        Optional<ObjectParameter> existing = parameters.stream()
                .filter(p -> p.key().equals(key) && p.local() == local)
                .findFirst();
        if (existing.isPresent()) {
            existing.get().change(value);
        } else {
            int next = parameters.stream()
                            .mapToInt(ObjectParameter::position)
                            .max()
                            .orElse(-1)
                    + 1;
            parameters.add(new ObjectParameter(this, key, value, local, next));
        }
    }

    /** Removes a key in the given form, or in both forms when {@code local} is null. */
    public boolean removeParameter(String key, Boolean local) {
        return parameters.removeIf(p -> p.key().equals(key) && (local == null || p.local() == local));
    }

    @PreUpdate
    void touch() {
        updatedAt = now();
    }

    /** PostgreSQL keeps microseconds: the answer to a write shows what a later read will show. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
