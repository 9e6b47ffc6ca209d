package org.argusee.status.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The current status of one object (a row of argus.object_status); written by the probing side. */
@Entity
@Table(name = "object_status")
public class ObjectStatus {

    @Id
    @Column(name = "object_id")
    private Long objectId;

    @Column(nullable = false)
    private String status;

    @Column(name = "display_status", nullable = false)
    private String displayStatus;

    @Column(nullable = false)
    private String severity;

    private String reason;

    private String result;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "checked_at")
    private Instant checkedAt;

    protected ObjectStatus() {
    }

    public Long objectId() {
        return objectId;
    }

    public String status() {
        return status;
    }

    public String displayStatus() {
        return displayStatus;
    }

    public String severity() {
        return severity;
    }

    public String reason() {
        return reason;
    }

    public String result() {
        return result;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
