package dev.kitty.auth.signing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    List<SigningKey> findByRetiredAtIsNullOrderByCreatedAtDesc();

    /** Locked: rotations on several instances at once run one after the other, each seeing the last one's result. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from SigningKey k where k.active = true")
    Optional<SigningKey> lockActive();
}
